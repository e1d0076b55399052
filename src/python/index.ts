/** A small model of the Python that Django's session code runs on. */
export * from './errors';
export * from './values';
export * from './datetime';
export { repr, str } from './repr';
export { dumps, loads } from './json';
export { floatRepr } from './float';
export { pyLen, pySplit, pyStrip, strRepr } from './text';
