// @migralint/rules-design
import { definePlugin } from '@migralint/core';

export default definePlugin({ name: 'design', rules: {} });
