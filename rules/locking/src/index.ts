// @migralint/rules-locking
import { definePlugin } from '@migralint/core';

export default definePlugin({ name: 'locking', rules: {} });
