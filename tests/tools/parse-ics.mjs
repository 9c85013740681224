// Reads an iCalendar (RFC 5545) text from standard input, parses it with Mozilla's ical.js, and prints JSON:
// the calendar's own properties and, for each VEVENT, the fields the tests check. Exit code 1 (and the parser's
// message on stderr) when the text does not parse. Run from the tests with node; see scripts/test.sh for the install.
import ICAL from "./node_modules/ical.js/dist/ical.js";

// ical.js reads properties it doesn't know as raw text; X-WR-CALNAME is TEXT (as calendar apps read it), so escapes
// in it are undone like in SUMMARY.
ICAL.design.icalendar.property["x-wr-calname"] = { defaultType: "text" };

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const text = Buffer.concat(chunks).toString("utf8");

try {
  const root = new ICAL.Component(ICAL.parse(text));
  const value = (component, name) => {
    const v = component.getFirstPropertyValue(name);
    return v === null || v === undefined ? null : v.toString();
  };
  const events = root.getAllSubcomponents("vevent").map((vevent) => {
    const start = vevent.getFirstProperty("dtstart");
    const end = vevent.getFirstProperty("dtend");
    const stamp = vevent.getFirstPropertyValue("dtstamp");
    return {
      uid: value(vevent, "uid"),
      summary: value(vevent, "summary"),
      description: value(vevent, "description"),
      url: value(vevent, "url"),
      start: start ? start.getFirstValue().toString() : null,
      startType: start ? start.type : null,
      end: end ? end.getFirstValue().toString() : null,
      endType: end ? end.type : null,
      dtstamp: stamp ? stamp.toString() : null,
      dtstampIsUtc: stamp ? stamp.zone === ICAL.Timezone.utcTimezone : null,
    };
  });
  process.stdout.write(JSON.stringify({
    name: root.name,
    version: value(root, "version"),
    prodid: value(root, "prodid"),
    calscale: value(root, "calscale"),
    method: value(root, "method"),
    calendarName: value(root, "x-wr-calname"),
    events,
  }));
} catch (error) {
  process.stderr.write(`ical.js could not parse the calendar: ${error.message}\n`);
  process.exit(1);
}
