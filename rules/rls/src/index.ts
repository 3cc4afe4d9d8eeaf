// @migralint/rules-rls
import { definePlugin } from '@migralint/core';

export default definePlugin({ name: 'rls', rules: {} });
