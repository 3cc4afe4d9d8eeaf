// @migralint/rules-history
import { definePlugin } from '@migralint/core';

export default definePlugin({ name: 'history', rules: {} });
