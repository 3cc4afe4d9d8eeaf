// @migralint/rules-concurrently
import { definePlugin } from '@migralint/core';

export default definePlugin({ name: 'concurrently', rules: {} });
