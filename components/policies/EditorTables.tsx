import Link from 'next/link';
import { Badge } from '../ui/Badge';
import { EmptyState } from '../ui/EmptyState';
import { Table, Td } from '../ui/Table';
import type { DirectEditorRow, IndirectEditorRow } from '@/viewmodels/policies/editorRows';

const subjectLink = (key: string) => (
  <Link href={`/access/subject?s=${encodeURIComponent(key)}`} className="font-medium text-sky-300 hover:underline">
    {key}
  </Link>
);

/** Direct editors (verbs, binding → role paths) and indirect editors (one step, its paths) of a policy. */
export function EditorTables({ direct, indirect }: { direct: readonly DirectEditorRow[]; indirect: readonly IndirectEditorRow[] }) {
  return (
    <>
      {direct.length === 0 ? (
        <EmptyState title="Nobody can change it directly">No binding in this snapshot grants a write verb on it.</EmptyState>
      ) : (
        <Table caption="Direct editors" head={['Subject', 'Verbs', 'Granted by']} widths={['18rem', '14rem', 'auto']}>
          {direct.map((d) => (
            <tr key={d.subject} data-testid="direct-editor" data-subject={d.subject}>
              <Td>{subjectLink(d.subject)}</Td>
              <Td>
                <span className="flex flex-wrap gap-1">
                  {d.verbs.map((v) => (
                    <Badge key={v}>{v}</Badge>
                  ))}
                </span>
              </Td>
              <Td>
                <ul className="space-y-1 text-xs text-zinc-200">
                  {d.paths.map((path) => (
                    <li key={path.text}>
                      {path.text}
                      {path.verbs.length < d.verbs.length && <span className="text-zinc-400"> ({path.verbs.join(', ')})</span>}
                    </li>
                  ))}
                </ul>
              </Td>
            </tr>
          ))}
        </Table>
      )}
      {indirect.length > 0 && (
        <Table caption="Indirect editors" head={['Indirect editor', 'How it becomes an editor', 'Granted by']} widths={['18rem', '20rem', 'auto']}>
          {indirect.map((i) =>
            i.steps.map((step, j) => (
              <tr key={`${i.subject}-${j}`} data-testid="indirect-editor" data-subject={i.subject}>
                <Td>{j === 0 ? subjectLink(i.subject) : null}</Td>
                <Td className="text-zinc-200">{step.text}</Td>
                <Td>
                  <ul className="space-y-1 text-xs text-zinc-200">
                    {step.paths.map((t) => (
                      <li key={t}>{t}</li>
                    ))}
                  </ul>
                </Td>
              </tr>
            )),
          )}
        </Table>
      )}
    </>
  );
}
