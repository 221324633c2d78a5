// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CadenceSection } from '../../components/settings/CadenceSection';
import { ListField } from '../../components/settings/ListField';
import { PrepSection } from '../../components/settings/PrepSection';
import { RemindersSection } from '../../components/settings/RemindersSection';
import { RulesSection } from '../../components/settings/RulesSection';
import { DEFAULT_CADENCES } from '../../lib/relationships/cadence';
import { SETTING_FALLBACKS } from '../../lib/settings-schema';
import { checkEmail } from '../../lib/settings-validation';

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => root.remove());
const tick = () => new Promise((r) => setTimeout(r, 0));
async function type(el: Element | null | undefined, value: string) {
  const input = el as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await tick();
}

describe('settings forms', () => {
  it('refuses a cadence whose maximum is below its ideal, saving nothing, then saves a good one', async () => {
    const onSave = vi.fn(async () => undefined);
    render(<CadenceSection value={DEFAULT_CADENCES} onSave={onSave} />, root);
    await type(root.querySelector('[aria-label="High priority, maximum days"]'), '7');
    (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await tick();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      "High priority: The cadence's maximum (7 days) must be at least its ideal interval (14 days).",
    );
    expect(onSave).not.toHaveBeenCalled();
    await type(root.querySelector('[aria-label="High priority, maximum days"]'), '21');
    (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await vi.waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({ ...DEFAULT_CADENCES, high: { idealDays: 14, maxDays: 21 } }),
    );
  });

  it('refuses a guest limit that is not one, says why a save was refused, then says it saved', async () => {
    const onSave = vi.fn(async () => undefined);
    render(<RulesSection value={SETTING_FALLBACKS.meetingRules} onSave={onSave} />, root);
    const submit = () => (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    // Left empty: what the browser's own check of the field lets through.
    await type(root.querySelector('[aria-label="Guest limit"]'), '');
    submit();
    await tick();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      'The guest limit must be a whole number from 1 to 1000.',
    );
    expect(onSave).not.toHaveBeenCalled();
    await type(root.querySelector('[aria-label="Guest limit"]'), '40');
    onSave.mockRejectedValueOnce(new Error('Your disk is full.'));
    submit();
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toBe('Not saved: Your disk is full.'),
    );
    submit();
    await vi.waitFor(() => expect(root.querySelector('[role="status"]')?.textContent).toBe('Saved.'));
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(onSave).toHaveBeenLastCalledWith({ ...SETTING_FALLBACKS.meetingRules, guestLimit: 40 });
  });

  it("a list's field says under itself what it refused, and why a save was refused", async () => {
    const onChange = vi.fn(async (_: string[]) => undefined);
    render(
      <ListField
        label="My email addresses"
        hint="Yours."
        placeholder="you@example.com"
        values={['me@corp.example']}
        check={checkEmail}
        onChange={onChange}
      />,
      root,
    );
    const input = root.querySelector<HTMLInputElement>('input[type="text"]');
    const error = () => root.querySelector('#field-my-email-addresses-error')?.textContent;
    await type(input, 'ME@corp.example');
    (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await tick();
    expect(error()).toBe('me@corp.example is already in the list.');
    expect(input?.getAttribute('aria-describedby')).toContain('field-my-email-addresses-error');
    expect(onChange).not.toHaveBeenCalled();
    await type(input, 'alex@corp.example');
    onChange.mockRejectedValueOnce(new Error('Your disk is full.'));
    (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(error()).toBe('Not saved: Your disk is full.'));
    expect(input?.value).toBe('alex@corp.example');
    (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(onChange).toHaveBeenLastCalledWith(['me@corp.example', 'alex@corp.example']));
    await vi.waitFor(() => expect(input?.value).toBe(''));
    expect(error()).toBeUndefined();
  });

  it('turning notifications on asks for the permission, and keeps them off when it is refused', async () => {
    const onSave = vi.fn(async () => undefined);
    const request = vi.fn(async () => false);
    fakeBrowser.permissions.request = request;
    render(<RemindersSection value={SETTING_FALLBACKS.reminders} onSave={onSave} />, root);
    const toggle = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].at(-1);
    toggle?.click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toBe(
        'Notifications were not allowed, so they stay off. The badge still shows the number.',
      ),
    );
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect(onSave).not.toHaveBeenCalled();
    request.mockResolvedValueOnce(true);
    toggle?.click();
    await vi.waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({ ...SETTING_FALLBACKS.reminders, notifications: true }),
    );
  });

  it('turns "Before you meet" off and on, and says what that does', async () => {
    const onSave = vi.fn(async () => undefined);
    render(<PrepSection value={true} onSave={onSave} />, root);
    const box = root.querySelector<HTMLInputElement>('input[type="checkbox"]');
    expect(box?.checked).toBe(true);
    box?.click();
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledWith(false));
    await vi.waitFor(() =>
      expect(root.querySelector('[role="status"]')?.textContent).toBe(
        '"Before you meet" is off: Calendar\'s cards show only the Log control.',
      ),
    );
    onSave.mockRejectedValueOnce(new Error('Your disk is full.'));
    box?.click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toBe('Not saved: Your disk is full.'),
    );
  });

  it('moves the reminder to another day and hour', async () => {
    const onSave = vi.fn(async () => undefined);
    render(<RemindersSection value={SETTING_FALLBACKS.reminders} onSave={onSave} />, root);
    const [day] = root.querySelectorAll('select');
    if (!day) throw new Error('no day');
    day.value = '5';
    day.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledWith({ ...SETTING_FALLBACKS.reminders, day: 5 }));
    await vi.waitFor(() =>
      expect(root.querySelector('[role="status"]')?.textContent).toBe('Next reminder: Friday at 09:00.'),
    );
  });
});

describe('the settings page', () => {
  it('says which stored settings it could not use, and shows the defaults in their place', async () => {
    const { SettingsPage } = await import('../../components/settings/SettingsPage');
    const { getDb } = await import('../../lib/db/app-db');
    const db = getDb();
    await db.settings.bulkPut([
      { name: 'meetingRules', value: { guestLimit: -5 } },
      { name: 'myEmails', value: ['me@corp.example'] },
    ]);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      render(<SettingsPage />, root);
      await vi.waitFor(() => expect(root.querySelector('.problems')).not.toBeNull());
      expect([...root.querySelectorAll('.problems li')].map((li) => li.textContent)).toEqual([
        'Your stored guest limit could not be used (The guest limit must be a whole number from 1 to 1000): Bridges uses the default until it is set again.',
      ]);
      expect(root.querySelector<HTMLInputElement>('input[aria-label="Guest limit"]')?.value).toBe('25');
    } finally {
      render(null, root);
      await db.settings.clear();
    }
  });
});
