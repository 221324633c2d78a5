import { sendMessage } from '../../lib/messaging';
import type { OwnAddressState } from '../../lib/settings-schema';
import { useCommand } from '../../lib/ui/use-command';
import { CommandStatus } from '../CommandStatus';

/**
 * Addresses Calendar showed as its signed-in account that are not yet the user's own: Bridges asks rather than
 * decides, so a forged card cannot make a colleague "you".
 */
export function OwnAddressQuestions({ state, myEmails }: { state: OwnAddressState; myEmails: readonly string[] }) {
  const answering = useCommand();
  const open = state.sightings.filter((s) => !myEmails.includes(s.email));
  if (open.length === 0 && !answering.message) return null;
  const answer = (email: string, isMe: boolean) =>
    void answering.run(
      () => sendMessage('answerOwnAddress', { email, isMe }),
      isMe ? `${email} is one of your addresses now.` : `Bridges won't ask about ${email} again.`,
      'Not saved:',
    );
  return (
    <div class="own-questions">
      <ul class="values" aria-label="Is this you?">
        {open.map((s) => (
          <li key={s.email}>
            <span>
              Calendar was signed in as <strong>{s.email}</strong>
              {s.days.length > 1 ? ` on ${s.days.length} days` : ''}. Is this you?
            </span>
            <span class="buttons">
              <button type="button" onClick={() => answer(s.email, true)}>
                That's me
              </button>
              <button type="button" class="link" onClick={() => answer(s.email, false)}>
                Not me
              </button>
            </span>
          </li>
        ))}
      </ul>
      <CommandStatus state={answering} />
    </div>
  );
}
