const Database = require('better-sqlite3');
const db = new Database(process.argv[2]);
const { village_id } = db.prepare('SELECT village_id FROM audit_chain_head').get();
console.log(db.prepare('EXPLAIN QUERY PLAN SELECT * FROM audit_event WHERE village_id = ? AND seq > ? ORDER BY seq LIMIT 1000').all(village_id, 0));
let t = Date.now(), after = 0, n = 0;
const st = db.prepare('SELECT * FROM audit_event WHERE village_id = ? AND seq > ? ORDER BY seq LIMIT 1000');
for (;;) { const rows = st.all(village_id, after); n += rows.length; if (rows.length < 1000) break; after = rows[rows.length-1].seq; }
console.log('better-sqlite3', n, Date.now() - t, 'ms');
t = Date.now(); after = 0; n = 0;
for (;;) { const rows = st.all(village_id, after); n += rows.length; if (rows.length < 1000) break; after = rows[rows.length-1].seq; }
console.log('again', n, Date.now() - t, 'ms');
t = Date.now(); console.log(db.prepare('SELECT * FROM audit_event').all().length, 'full scan', Date.now() - t, 'ms');
t = Date.now(); console.log(db.prepare('SELECT seq, hash FROM audit_event ORDER BY seq').all().length, 'narrow', Date.now() - t, 'ms');
