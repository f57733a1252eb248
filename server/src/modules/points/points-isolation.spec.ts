import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/*
 * Points reward conduct; they never take away a villager's basic rights (DOMAIN.md §6, 2020 notice):
 * a household's vote and its subsidies must not depend on its points. The voting module and the
 * matters module (where 误工补贴 and other subsidies are decided) therefore never import the points
 * module, nor do the shared voting and quorum rules.
 */
const SERVER_SRC = join(__dirname, '..', '..');
const SHARED_SRC = join(SERVER_SRC, '..', '..', 'shared', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

const POINTS_IMPORT = /(^|\/)points(\/|$)|points[-.]/;

describe('points never decide votes or subsidies', () => {
  it.each([
    ['the voting module', join(SERVER_SRC, 'modules', 'voting')],
    ['the matters module (误工补贴 and other subsidies)', join(SERVER_SRC, 'modules', 'matters')],
  ])('%s does not import the points module', (_label, dir) => {
    const offenders = sourceFiles(dir).flatMap((file) => importsOf(file).filter((spec) => POINTS_IMPORT.test(spec)).map((spec) => `${relative(SERVER_SRC, file)} → ${spec}`));
    expect(offenders).toEqual([]);
  });

  it('the shared voting and quorum rules do not use points', () => {
    const files = ['rules/quorum.ts', 'types/ballot.ts', 'rules/workflow-guards.ts'].map((f) => join(SHARED_SRC, f));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(importsOf(file).filter((spec) => POINTS_IMPORT.test(spec))).toEqual([]);
      expect(text).not.toMatch(/Tenths|PointsRecord|RuleBook/);
    }
  });

  it('catches an import of the points module when there is one', () => {
    expect(POINTS_IMPORT.test('../points/points-ledger')).toBe(true);
    expect(POINTS_IMPORT.test('../points/entities')).toBe(true);
    expect(POINTS_IMPORT.test('../voting/ballots.service')).toBe(false);
  });
});
