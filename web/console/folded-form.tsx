import type { ComponentChildren } from 'preact';

/** A form folded under its action's name among the case's actions: split, start a linked case, merge. */
export function FoldedForm({ title, onSubmit, children }: { title: string; onSubmit: () => Promise<void>; children: ComponentChildren }) {
  return (
    <details class="relation-form">
      <summary>{title}</summary>
      <form
        class="stacked"
        onSubmit={async (event) => {
          event.preventDefault();
          await onSubmit();
        }}
      >
        {children}
      </form>
    </details>
  );
}
