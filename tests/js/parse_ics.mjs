// Parses an iCalendar file with ical.js (a real calendar library, as used by Thunderbird) and
// prints what it understood as JSON, for tests/schedule/ics_client_test.cpp to compare with
// what clausebook meant. Usage: node parse_ics.mjs FILE.ics
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const text = readFileSync(process.argv[2], 'utf8');
const calendar = new ICAL.Component(ICAL.parse(text));
const events = calendar.getAllSubcomponents('vevent').map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    start: event.startDate.toString(),
    end: event.endDate.toString(),
    allDay: event.startDate.isDate,
    dtstamp: component.getFirstPropertyValue('dtstamp').toString(),
    categories: component.getAllProperties('categories').flatMap((p) => p.getValues()),
    alarms: component.getAllSubcomponents('valarm').map((a) => ({
      action: a.getFirstPropertyValue('action'),
      trigger: a.getFirstPropertyValue('trigger').toString(),
      description: a.getFirstPropertyValue('description'),
    })),
  };
});
console.log(JSON.stringify({
  version: calendar.getFirstPropertyValue('version'),
  prodid: calendar.getFirstPropertyValue('prodid'),
  events,
}, null, 1));
