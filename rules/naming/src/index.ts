// @migralint/rules-naming
import { definePlugin } from '@migralint/core';

export default definePlugin({ name: 'naming', rules: {} });
