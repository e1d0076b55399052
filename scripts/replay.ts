/**
 * npm run --silent replay -- SCENARIO.json [...] [--secret-key KEY]
 *
 * Replays conformance scenarios through the MSW handlers in Node and prints the raw transcripts
 * (the format of ../shared/conformance/README.md) on stdout, for compare.py to check against
 * real Django's.
 */
import { readFileSync } from 'node:fs';
import { closeReplay, formatTranscripts, replayScenario } from '../src/conformance/replay';
import { validateScenario } from '../src/conformance/scenario';

async function main(argv: string[]): Promise<number> {
  const files: string[] = [];
  let secretKey: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--secret-key') secretKey = argv[++i];
    else if (argv[i] === '--help' || argv[i] === '-h') {
      process.stdout.write(
        'usage: npm run --silent replay -- SCENARIO.json [...] [--secret-key KEY]\n',
      );
      return 0;
    } else files.push(argv[i] as string);
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
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new Error(`${file}: ${(e as Error).message}`, { cause: e });
      }
      transcripts.push(await replayScenario(validateScenario(parsed, file), { secretKey }));
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
