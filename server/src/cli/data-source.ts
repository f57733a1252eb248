import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { databaseOptions } from '../config/database-options';

/** A DataSource for command-line tools, configured from the same validated environment as the server. */
export async function openDataSource(): Promise<DataSource> {
  const config = loadConfig();
  return new DataSource(databaseOptions(config.DATABASE_URL)).initialize();
}

/** Runs a CLI body and exits with a plain message instead of a stack trace for expected failures. */
export function runCli(body: () => Promise<void>): void {
  body().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
