import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "../ui/button";
import { type RunFilters, runsHref } from "./runs-href";

interface RunPaginationProps {
  filters: RunFilters;
  newerCursor: string | null;
  olderCursor: string | null;
}

/** "Newer" / "Older" links carrying keyset cursors; a missing cursor renders a disabled button. */
export function RunPagination({ filters, newerCursor, olderCursor }: RunPaginationProps) {
  if (!newerCursor && !olderCursor) return null;
  return (
    <nav aria-label="Pages of runs" className="flex items-center justify-end gap-2">
      {newerCursor ? (
        <Button asChild variant="secondary" size="sm">
          <Link href={runsHref({ ...filters, cursor: newerCursor, dir: "newer" })}>
            <ChevronLeftIcon aria-hidden />
            Newer
          </Link>
        </Button>
      ) : (
        <Button variant="secondary" size="sm" disabled>
          <ChevronLeftIcon aria-hidden />
          Newer
        </Button>
      )}
      {olderCursor ? (
        <Button asChild variant="secondary" size="sm">
          <Link href={runsHref({ ...filters, cursor: olderCursor, dir: "older" })}>
            Older
            <ChevronRightIcon aria-hidden />
          </Link>
        </Button>
      ) : (
        <Button variant="secondary" size="sm" disabled>
          Older
          <ChevronRightIcon aria-hidden />
        </Button>
      )}
    </nav>
  );
}
