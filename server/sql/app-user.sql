-- 村民议事 · the application's database user, with an append-only audit trail.
--
-- The server runs as this user. It may read and write village data as usual, but on the audit
-- tables it may only SELECT and INSERT: no UPDATE, no DELETE, and no DDL anywhere (so no DROP or
-- TRUNCATE either). Even someone holding the application's password cannot quietly rewrite the
-- trail; what they can still do (cut the tail and rewind the chain head) is caught by the signed
-- checkpoints. Migrations run separately, as the database owner (see docs/deploy.md).
--
--   audit_event, audit_checkpoint   SELECT, INSERT
--   audit_chain_head                SELECT, INSERT, UPDATE        (the head moves with each append)
--   migrations                      SELECT
--   every other table               SELECT, INSERT, UPDATE, DELETE
--
-- Run it as an administrator, connected to the application's database, after every migration
-- (a new table needs its grant). Re-running is safe: the user is created only if missing, and
-- grants are added table by table.
--
--   mysql -uroot --init-command="SET @app_user='village_app', @app_host='%', @app_password='…'" village < server/sql/app-user.sql
--
-- Works on MySQL 8 and MariaDB 10.6+. The administrator needs CREATE USER, CREATE ROUTINE and
-- GRANT OPTION on the database; the helper procedure is dropped again at the end.

DROP PROCEDURE IF EXISTS village_app_user_grants;

DELIMITER //
CREATE PROCEDURE village_app_user_grants(IN app_user VARCHAR(80), IN app_host VARCHAR(255), IN app_password VARCHAR(255))
BEGIN
  DECLARE done INT DEFAULT FALSE;
  DECLARE tbl VARCHAR(64);
  DECLARE table_rights VARCHAR(64);
  DECLARE account VARCHAR(400);
  DECLARE db_revoke_refused INT DEFAULT FALSE;
  DECLARE tables_cursor CURSOR FOR
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'
    ORDER BY table_name;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = TRUE;
  -- 1141/1147: "there is no such grant" when revoking what was never granted; nothing to undo then.
  DECLARE CONTINUE HANDLER FOR 1141, 1147 BEGIN END;

  IF DATABASE() IS NULL THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'connect to the application database first (mysql … <database>)';
  END IF;
  IF app_user IS NULL OR app_user = '' OR app_host IS NULL OR app_host = '' THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'set @app_user and @app_host (and @app_password) before running this script';
  END IF;
  SET account = CONCAT(QUOTE(app_user), '@', QUOTE(app_host));

  SET @village_sql = CONCAT('CREATE USER IF NOT EXISTS ', account, ' IDENTIFIED BY ', QUOTE(COALESCE(app_password, '')));
  PREPARE statement FROM @village_sql;
  EXECUTE statement;
  DEALLOCATE PREPARE statement;

  -- A database-wide grant would include UPDATE and DELETE on the audit tables: take any away.
  -- (Only an administrator with rights on this exact database may; others get a note instead.)
  BEGIN
    DECLARE CONTINUE HANDLER FOR 1044 SET db_revoke_refused = TRUE;
    SET @village_sql = CONCAT('REVOKE ALL PRIVILEGES ON `', DATABASE(), '`.* FROM ', account);
    PREPARE statement FROM @village_sql;
    EXECUTE statement;
    DEALLOCATE PREPARE statement;
  END;

  OPEN tables_cursor;
  grants: LOOP
    FETCH tables_cursor INTO tbl;
    IF done THEN
      LEAVE grants;
    END IF;
    SET table_rights = CASE
      WHEN tbl IN ('audit_event', 'audit_checkpoint') THEN 'SELECT, INSERT'
      WHEN tbl = 'audit_chain_head' THEN 'SELECT, INSERT, UPDATE'
      WHEN tbl = 'migrations' THEN 'SELECT'
      ELSE 'SELECT, INSERT, UPDATE, DELETE'
    END;
    -- Start each table from nothing, so a re-run also takes back rights an older version gave.
    SET @village_sql = CONCAT('REVOKE ALL PRIVILEGES ON `', DATABASE(), '`.`', tbl, '` FROM ', account);
    PREPARE statement FROM @village_sql;
    EXECUTE statement;
    DEALLOCATE PREPARE statement;
    SET @village_sql = CONCAT('GRANT ', table_rights, ' ON `', DATABASE(), '`.`', tbl, '` TO ', account);
    PREPARE statement FROM @village_sql;
    EXECUTE statement;
    DEALLOCATE PREPARE statement;
  END LOOP;
  CLOSE tables_cursor;

  IF db_revoke_refused THEN
    SELECT CONCAT('NOTE: not allowed to revoke database-wide rights; check that SHOW GRANTS FOR ', account,
                  ' lists nothing ON `', DATABASE(), '`.*') AS warning;
  END IF;
END //
DELIMITER ;

CALL village_app_user_grants(@app_user, @app_host, @app_password);
DROP PROCEDURE village_app_user_grants;
