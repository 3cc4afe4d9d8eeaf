// @migralint/rules-rollback
import { definePlugin } from '@migralint/core';

export default definePlugin({ name: 'rollback', rules: {} });
