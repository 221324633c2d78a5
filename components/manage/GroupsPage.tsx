import { useState } from 'preact/hooks';
import type { Group } from '../../lib/db/types';
import type { ManageData } from '../../lib/manage/use-manage-data';
import { sendMessage } from '../../lib/messaging';
import { suggestGroups } from '../../lib/people/groups';
import { useCommand } from '../../lib/ui/use-command';
import { CommandStatus } from '../CommandStatus';

/** Runs a change to the groups, then says `done`, or what the background refused (as it said it); whether it was done. */
type Run = (task: () => Promise<unknown>, done: string) => Promise<boolean>;

/** Departments and partner organisations: create, rename, delete, and groups suggested from email domains. */
export function GroupsPage({ data }: { data: ManageData }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Group['kind']>('department');
  const acting = useCommand();
  const suggestions = suggestGroups(data.people, data.internalDomains).slice(0, 8);
  const members = (id: string) => data.people.filter((p) => p.groupId === id).length;

  const run: Run = (task, done) => acting.attempt(task, done, '');

  return (
    <div class="groups">
      <section class="card">
        <h2>Groups</h2>
        <ul class="values">
          {data.groups.map((g) => (
            <GroupRow key={g.id} group={g} members={members(g.id)} onRun={run} />
          ))}
          {data.groups.length === 0 && <li class="none">No groups yet.</li>}
        </ul>
        <form
          class="add"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => sendMessage('saveGroup', { name, kind }), `Created ${name.trim()}.`).then((saved) => {
              if (saved) setName('');
            });
          }}
        >
          <input
            aria-label="New group's name"
            placeholder="Finance, Acme Corp, …"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <select
            aria-label="New group's kind"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as Group['kind'])}
          >
            <option value="department">Department</option>
            <option value="organisation">Organisation</option>
          </select>
          <button type="submit" disabled={acting.busy}>
            Create group
          </button>
        </form>
        <CommandStatus state={acting} />
      </section>
      {suggestions.length > 0 && (
        <section class="card">
          <h2>Suggested from email domains</h2>
          <ul class="values">
            {suggestions.map((s) => (
              <li key={s.domain}>
                <span>
                  {s.domain} <span class="muted">{s.people.length} people</span>
                </span>
                <button
                  type="button"
                  onClick={() =>
                    void run(async () => {
                      const { id } = await sendMessage('saveGroup', { name: s.domain, kind: 'organisation' });
                      await sendMessage('updatePeople', {
                        emails: s.people.map((p) => p.email),
                        patch: { groupId: id },
                      });
                    }, `Created ${s.domain} with ${s.people.length} people.`)
                  }
                >
                  Create this group
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function GroupRow({ group, members, onRun }: { group: Group; members: number; onRun: Run }) {
  const [name, setName] = useState(group.name);
  return (
    <li>
      <input aria-label={`Name of ${group.name}`} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      <span class="muted">
        {group.kind} · {members} {members === 1 ? 'person' : 'people'}
      </span>
      <span class="buttons">
        <button
          type="button"
          disabled={name === group.name}
          onClick={() =>
            void onRun(
              () => sendMessage('saveGroup', { id: group.id, name, kind: group.kind }),
              `Renamed to ${name.trim()}.`,
            )
          }
        >
          Rename
        </button>
        <button
          type="button"
          class="link"
          onClick={() =>
            void onRun(() => sendMessage('deleteGroup', { id: group.id }), `Deleted ${group.name}; its people stay.`)
          }
        >
          Delete
        </button>
      </span>
    </li>
  );
}
