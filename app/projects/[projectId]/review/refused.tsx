// What a member without the right role sees instead of a review or agreement page: the reason,
// in words, and a way back. (A non-member gets a 404 instead, so nothing is revealed.)
import Link from "next/link";
import type { ReactNode } from "react";

export function Refused({ title, error, back }: { title: string; error: string; back: { href: string; label: string } }): ReactNode {
  return (
    <section className="narrow card">
      <h1>{title}</h1>
      <p className="notice error" role="alert">
        {error}
      </p>
      <p>
        <Link href={back.href}>{back.label}</Link>
      </p>
    </section>
  );
}
