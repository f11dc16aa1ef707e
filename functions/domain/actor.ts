import * as z from 'zod';

/** Who performs a command. Staff come from JWT claims; customers and the system from channels and timers. */
export const ActorSchema = z.object({
  kind: z.enum(['agent', 'admin', 'robot', 'customer', 'system']),
  id: z.string().min(1),
  name: z.string().optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

/** How an actor is recorded on the timeline: admins act as agents there. */
export const ActorRefSchema = z.object({
  kind: z.enum(['agent', 'robot', 'customer', 'system']),
  id: z.string(),
  name: z.string().optional(),
});
export type ActorRef = z.infer<typeof ActorRefSchema>;

export const isStaff = (actor: Actor): boolean =>
  actor.kind === 'agent' || actor.kind === 'admin' || actor.kind === 'robot';

export const toActorRef = (actor: Actor): ActorRef => ({
  kind: actor.kind === 'admin' ? 'agent' : actor.kind,
  id: actor.id,
  ...(actor.name ? { name: actor.name } : {}),
});
