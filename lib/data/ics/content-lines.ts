/**
 * The calendar file's content lines, read one at a time so that one unreadable line costs that line only.
 * (ical.js's parser rejects the whole file for one bad line, and splits Outlook's unquoted
 * `TZID=(UTC+05:30) Chennai, Kolkata…` at the colon inside the zone's name.) Linear in the file's size: the
 * lines are unfolded (unfold.ts), each read as a property (property-line.ts), and the properties built into
 * components (component-tree.ts).
 */
import { type Component, ComponentTree } from './component-tree';
import { type Property, parseContentLine } from './property-line';
import { unfoldLines } from './unfold';

export type { Component, Property };

export interface ContentScan {
  calendars: Component[];
  /** Every unreadable line, wherever it was. */
  unreadableLines: number;
  /** Open components looked at to match BEGIN and END lines: a test holds it linear in the file's size. */
  work: number;
}

/**
 * The file's components and the properties in `wanted` (all when it is not given). Other properties are
 * stepped over without being parsed, which keeps reading a 20 MB file to the few properties that matter.
 */
export function scanContentLines(text: string, wanted?: ReadonlySet<string>): ContentScan {
  const tree = new ComponentTree();
  unfoldLines(text, wanted, {
    line(logical, line) {
      const prop = parseContentLine(logical, line);
      if (prop) tree.add(prop);
      else tree.unreadable(line);
    },
    unreadable: (line) => tree.unreadable(line),
  });
  tree.finish();
  return { calendars: tree.calendars, unreadableLines: tree.unreadableLines, work: tree.work };
}

export function firstProp(component: Component, name: string): Property | undefined {
  return component.props.find((p) => p.name === name);
}

export function allProps(component: Component, name: string): Property[] {
  return component.props.filter((p) => p.name === name);
}
