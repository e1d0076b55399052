/**
 * The session console: what a learner types as Python, in the context of a Django view, turned
 * into one call of `POST /__session__/call` (or answered locally, or refused with the error line
 * Python would print).
 */
export {
  parseConsoleInput,
  toWireBody,
  negatedRepr,
  CONSOLE_HELP,
  type ConsoleCommand,
  type CallCommand,
  type ConsoleOptions,
} from './console';
export { ConsoleUnsupported } from '../../python/parser/errors';
