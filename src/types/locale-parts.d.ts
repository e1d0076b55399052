// A language's strings in parts (scripts/vite/localeParts.ts).
declare module '*.json?part=first' {
  const strings: Record<string, unknown>;
  export default strings;
}
declare module '*.json?part=later' {
  const strings: Record<string, unknown>;
  export default strings;
}
