/** Says loudly, once per run, when the MySQL half of the e2e suite is not running. */
export default function globalSetup(): void {
  if (!process.env.TEST_MYSQL_URL) {
    process.stdout.write(
      '\n' +
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' +
        '!! MySQL e2e SKIPPED: TEST_MYSQL_URL is not set. Only SQLite was tested.       !!\n' +
        '!! Set TEST_MYSQL_URL=mysql://user:pass@127.0.0.1:3306/db (CI does).          !!\n' +
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n\n',
    );
  }
}
