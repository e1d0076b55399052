/**
 * npm run --silent replay -- [--django 3.2|4.2|5.2] [--in-page] [--secret-key KEY] SCENARIO.json...
 *
 * Replays conformance scenarios through the MSW handlers in Node (or, with --in-page, through the
 * in-page fallback) as the chosen Django release (default 5.2) and prints the raw transcripts
 * (the format of ../shared/conformance/README.md) on stdout, for compare.py to check against
 * real Django's.
 */
import { readFileSync } from 'node:fs';
import { DJANGO_VERSIONS, type DjangoVersion } from '../src/django/conf/global_settings';
import {
  closeReplay,
  formatTranscripts,
  replayScenario,
  type ReplayOptions,
} from '../src/conformance/replay';
import { parseScenario } from '../src/conformance/scenario';

const USAGE =
  'usage: npm run --silent replay -- [--django 3.2|4.2|5.2] [--in-page] [--secret-key KEY] SCENARIO.json...\n';

async function main(argv: string[]): Promise<number> {
  const files: string[] = [];
  const options: ReplayOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--secret-key') options.secretKey = argv[++i];
    else if (arg === '--django' || arg.startsWith('--django=')) {
      const version = arg === '--django' ? argv[++i] : arg.slice('--django='.length);
      if (!DJANGO_VERSIONS.includes(version as DjangoVersion)) {
        process.stderr.write(
          `replay: --django ${version ?? ''}: use one of ${DJANGO_VERSIONS.join(', ')}\n`,
        );
        return 2;
      }
      options.django = version as DjangoVersion;
    } else if (arg === '--in-page') options.path = 'in-page';
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      return 0;
    } else if (arg.startsWith('--')) {
      process.stderr.write(`replay: unknown option ${arg}\n${USAGE}`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    process.stderr.write(
      'replay: give one or more scenario files (see ../shared/conformance/README.md)\n',
    );
    return 2;
  }
  const transcripts = [];
  try {
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new Error(`${file}: ${(e as Error).message}`, { cause: e });
      }
      transcripts.push(await replayScenario(parseScenario(text, file), options));
    }
  } catch (e) {
    process.stderr.write(`replay: ${(e as Error).message}\n`);
    return 1;
  } finally {
    closeReplay();
  }
  process.stdout.write(formatTranscripts(transcripts));
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
