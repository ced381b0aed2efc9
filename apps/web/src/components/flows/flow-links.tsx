import Link from "next/link";

/** Flows by name, each a link to its editor, separated by commas (in a sentence). */
export function FlowLinks({ flows }: { flows: readonly { id: string; name: string }[] }) {
  return flows.map((flow, index) => (
    <span key={flow.id}>
      {index > 0 ? ", " : null}
      <Link href={`/flows/${flow.id}`} className="font-medium underline hover:no-underline">
        {flow.name}
      </Link>
    </span>
  ));
}
