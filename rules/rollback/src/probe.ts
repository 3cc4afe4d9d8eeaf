export { probe } from '../../../packages/migrations/src/schema/replay-down.js';
