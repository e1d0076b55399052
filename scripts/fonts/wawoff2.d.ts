/** wawoff2 ships no types: its WOFF2 decoder (Google's woff2, compiled to WebAssembly). */
declare module 'wawoff2/decompress.js' {
  export default function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}
