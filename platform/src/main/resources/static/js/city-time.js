// Dates and times in the city's zone (config.zone, e.g. Asia/Shanghai), not the browser's: a
// daughter abroad books "tomorrow 9:00" at her mother's door in Hangzhou.
(function () {
  'use strict';

  function parts(zone, millis) {
    const fields = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit'
    }).formatToParts(new Date(millis));
    return Object.fromEntries(fields.map((p) => [p.type, Number(p.value)]));
  }

  // How far the zone's wall clock is ahead of UTC at that instant, in ms.
  function offset(zone, millis) {
    const p = parts(zone, millis);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(millis / 1000) * 1000;
  }

  // '2026-12-01' and '09:00' on the city's wall clock, as an ISO instant.
  function instant(zone, date, time) {
    const [y, m, d] = date.split('-').map(Number);
    const [h, min] = time.split(':').map(Number);
    const wall = Date.UTC(y, m - 1, d, h, min);
    const guess = wall - offset(zone, wall);
    return new Date(wall - offset(zone, guess)).toISOString();
  }

  function pad(n) {
    return String(n).padStart(2, '0');
  }

  // The city's date today + days, as yyyy-mm-dd.
  function date(zone, days) {
    const p = parts(zone, Date.now());
    const d = new Date(Date.UTC(p.year, p.month - 1, p.day + (days || 0)));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }

  // An ISO instant as the city's { date: 'yyyy-mm-dd', time: 'hh:mm' }.
  function wall(zone, iso) {
    const p = parts(zone, Date.parse(iso));
    return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
  }

  // A window as "2026-12-01 09:00–11:00" on the city's clock.
  function windowText(zone, from, to) {
    const a = wall(zone, from);
    const b = wall(zone, to);
    return `${a.date} ${a.time}–${b.date === a.date ? '' : `${b.date} `}${b.time}`;
  }

  function timeText(zone, iso) {
    const w = wall(zone, iso);
    return `${w.date} ${w.time}`;
  }

  window.CityTime = { instant, date, wall, windowText, timeText };
})();
