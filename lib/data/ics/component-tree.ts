import type { Property } from './property-line';

export interface Component {
  /** Upper case, e.g. "VEVENT". */
  name: string;
  line: number;
  props: Property[];
  children: Component[];
  /** Lines inside this component (not its children) that could not be read. */
  unreadable: number[];
  /** The file ended before this component's END line. */
  unclosed: boolean;
}

/** Components that only a VCALENDAR holds. */
const TOP_LEVEL = new Set(['VEVENT', 'VTODO', 'VJOURNAL', 'VFREEBUSY', 'VTIMEZONE']);

/**
 * The file's components, built from its properties in order: BEGIN opens one, END closes the innermost open one
 * of its name, any other property belongs to the one open. A missing END costs its component's end only: an
 * event, to-do or zone begins only inside the calendar, so one whose END line is missing is closed by the next.
 */
export class ComponentTree {
  readonly calendars: Component[] = [];
  /** Every unreadable line, wherever it was. */
  unreadableLines = 0;
  /** Open components looked at to match BEGIN and END lines: a test holds it linear in the file's size. */
  work = 0;
  private readonly stack: Component[] = [];
  // Where each name is open in the stack: finding the component an END line closes costs the same at any depth
  // (40,000 nested components with stray END lines once took seconds).
  private readonly openAt = new Map<string, number[]>();

  add(prop: Property) {
    if (prop.name === 'BEGIN') this.begin(prop.value.trim().toUpperCase(), prop.line);
    else if (prop.name === 'END') this.end(prop.value.trim().toUpperCase(), prop.line);
    // Content outside any VCALENDAR (a leading note, a stray line) is not part of the calendar.
    else this.stack[this.stack.length - 1]?.props.push(prop);
  }

  unreadable(line: number) {
    this.unreadableLines++;
    this.stack[this.stack.length - 1]?.unreadable.push(line);
  }

  /** The file has ended: what is still open was not ended. */
  finish() {
    for (const open of this.stack) open.unclosed = true;
  }

  private begin(name: string, line: number) {
    if (TOP_LEVEL.has(name)) {
      const at = this.lastIndex('VCALENDAR');
      if (at !== -1) this.closeAbove(at);
    }
    const component: Component = { name, line, props: [], children: [], unreadable: [], unclosed: false };
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.children.push(component);
    else if (name === 'VCALENDAR') this.calendars.push(component);
    this.push(component);
  }

  private end(name: string, line: number) {
    const at = this.lastIndex(name);
    if (at === -1) return this.unreadable(line);
    // Components left open inside the one that ends are closed with it, marked as not ended.
    this.closeAbove(at);
    const closed = this.stack.pop() as Component;
    this.openAt.get(closed.name)?.pop();
  }

  private lastIndex(name: string): number {
    this.work++;
    return this.openAt.get(name)?.at(-1) ?? -1;
  }

  private push(component: Component) {
    this.work++;
    let at = this.openAt.get(component.name);
    if (!at) {
      at = [];
      this.openAt.set(component.name, at);
    }
    at.push(this.stack.length);
    this.stack.push(component);
  }

  /** Closes every component above `at`, marked as not ended. */
  private closeAbove(at: number) {
    while (this.stack.length > at + 1) {
      this.work++;
      const open = this.stack.pop() as Component;
      this.openAt.get(open.name)?.pop();
      open.unclosed = true;
    }
  }
}
