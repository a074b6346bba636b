import Link from "next/link";
import type { ReactNode } from "react";

export default function NotFound(): ReactNode {
  return (
    <section className="narrow card">
      <h1>Not found</h1>
      <p>There is nothing here, or it is in a project you are not a member of.</p>
      <p>
        <Link href="/">Back to your projects</Link>
      </p>
    </section>
  );
}
