/**
 * A static host for the offline and update tests, which must be able to do what vite preview
 * cannot: go away entirely (no network at all), and serve another build at the same address (a
 * new deployment). It serves a build folder under a base path as a plain static host would:
 * files as they are, no fallback, no caching headers.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** `npm run build` into `outDir`, under `base`, named `version`. */
export function buildSite(outDir: string, base: string, version: string): void {
  execFileSync(
    'npx',
    ['tsx', 'scripts/build.ts', `--base=${base}`, '--outDir', outDir, '--version', version],
    { stdio: 'ignore' },
  );
}

export class StaticHost {
  private server: Server | null = null;
  /** Every path asked for, in order. */
  readonly requests: string[] = [];

  constructor(
    private root: string,
    private readonly base: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}${this.base}`;
  }

  /** Serves another build from now on: a new deployment at the same address. */
  deploy(root: string): void {
    this.root = root;
  }

  start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = decodeURIComponent((req.url ?? '/').split('?')[0] as string);
      this.requests.push(path);
      if (!path.startsWith(this.base)) return void res.writeHead(404).end();
      let file = normalize(join(this.root, path.slice(this.base.length)));
      if (!file.startsWith(normalize(this.root))) return void res.writeHead(403).end();
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    });
    return new Promise((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
  }

  /** The host goes away: every connection refused from now on. */
  stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return Promise.resolve();
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  }
}
