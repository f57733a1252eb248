import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderNoticeSheet } from '../modules/notices/print/notice-sheet';
import { financeNoticeSheet } from '../modules/notices/print/notice-sheet.samples';

/**
 * `pnpm --filter @village/server sample:notice-sheet [out-dir]` (after a build)
 *
 * Writes the sample 公开栏 sheet kept in docs/samples: notice-sheet.pdf (a monthly finance notice)
 * and notice-sheet.png (its page 1 at 100 dpi, made with pdftoppm from Debian's poppler-utils).
 * A multi-page example: longNoticeSheet() in notice-sheet.samples.ts, rendered by the tests.
 */
async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? join(__dirname, '..', '..', '..', 'docs', 'samples'));
  mkdirSync(out, { recursive: true });

  const pdf = join(out, 'notice-sheet.pdf');
  writeFileSync(pdf, await renderNoticeSheet(financeNoticeSheet()));

  // pdftoppm names a single page "<root>.png" with -singlefile.
  const root = join(out, 'notice-sheet.page1');
  execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', pdf, root]);
  renameSync(`${root}.png`, join(out, 'notice-sheet.png'));
  process.stdout.write(`wrote ${pdf} and notice-sheet.png\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
