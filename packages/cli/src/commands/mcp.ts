// `migralint mcp`: the Model Context Protocol server for coding assistants, over stdio (see
// docs/ai-assistants.md). Each tool runs this CLI's own `main()` in-process on in-memory streams, so
// an assistant gets exactly what `migralint` would print as JSON — and stdout stays the protocol's.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { loadParser } from '@migralint/core';
import type { CliIO } from '../io.js';
import { usageErrorOf, UsageError } from '../parse-args.js';
import { reportFailure } from '../report-failure.js';
import { VERSION } from '../version.js';

export const MCP_HELP = `Usage: migralint mcp [options]

Serve migralint's tools to a coding assistant over the Model Context Protocol (stdio): new_migration,
lint_migration, plan_migration, verify_migration (embedded PGlite only), explain_rule. The assistant's MCP config
starts this command; see docs/ai-assistants.md. Nothing is applied to any database but PGlite.

Options:
      --root DIR   The project root (default: the current directory); tool paths stay inside it
  -h, --help       Show this help
`;

export async function runMcpCommand(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    let values;
    try {
      ({ values } = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
    } catch (error) {
      throw usageErrorOf(error, '(see "migralint mcp --help")');
    }
    if (values.help) {
      io.stdout.write(MCP_HELP);
      return 0;
    }
    const root = path.resolve(io.cwd, values.root ?? '.');
    if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--root ${values.root}: not a directory`);
    await loadParser();
    const { serveMcp } = await import('@migralint/mcp');
    // Anything a library prints with console.log would corrupt the protocol stream: send it to stderr.
    for (const method of ['log', 'info', 'debug'] as const) console[method] = (...args: unknown[]) => console.error(...args);
    const { main } = await import('../main.js');
    const docs = findDocsDir();
    await serveMcp(
      {
        cwd: root,
        version: VERSION,
        runCli: (args, stdin) => runInMemory(main, args, stdin, { ...io, cwd: root }),
        ruleDocs: (ruleId) => {
          if (!docs || !/^[a-z0-9-]+\/[a-z0-9-]+$/.test(ruleId)) return undefined;
          const file = path.join(docs, `${ruleId}.md`);
          return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
        },
      },
      io.stdin,
      io.stdout,
    );
    return 0;
  } catch (error) {
    return reportFailure(error, io, { prefix: 'migralint mcp', debug: argv.includes('--debug') });
  }
}

type Main = (argv: readonly string[], io: CliIO) => Promise<number>;

/** `migralint <argv>` with standard input from a string and both outputs captured. */
async function runInMemory(main: Main, argv: readonly string[], stdin: string | undefined, io: CliIO) {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const sink = (chunks: Buffer[]) =>
    new Writable({
      write(chunk, _encoding, done) {
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
        done();
      },
    });
  const code = await main(argv, {
    cwd: io.cwd,
    stdin: Readable.from(stdin === undefined ? [] : [Buffer.from(stdin)]),
    stdout: sink(out),
    stderr: sink(err),
    env: { ...io.env, NO_COLOR: '1' },
  });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/** The rule docs shipped beside this installation (`docs/rules/<pack>/<rule>.md`), if any. */
function findDocsDir(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}
