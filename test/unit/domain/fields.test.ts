import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../functions/domain/errors.ts';
import { linkCustomer, updateFields } from '../../../functions/domain/fields.ts';
import { TenantSettingsSchema } from '../../../functions/domain/tenant-settings.ts';
import { aCase, agent, ctx, settings } from '../../fixtures/cases.ts';

const working = aCase({ status: 'in_progress', assigneeId: 'agent-ala' });

describe('updateFields', () => {
  it('records every changed field as who, from, to', () => {
    const { entries } = updateFields(working, ctx(agent('agent-ala')), { priority: 'urgent', title: 'Charged twice' });

    expect(entries).toMatchObject([
      {
        type: 'field_change',
        actor: { id: 'agent-ala' },
        changes: [
          { field: 'title', from: 'Invoice question', to: 'Charged twice' },
          { field: 'priority', from: 'normal', to: 'urgent' },
        ],
      },
    ]);
  });

  it('refuses to change the description of a submitted case, naming the field', () => {
    const act = () => updateFields(working, ctx(agent('agent-ala')), { description: 'Rewritten history' });

    expect(act).toThrow(ValidationError);
    expect(act).toThrow(/body\.description: read-only once the case is submitted/);
  });

  it("lets a draft's description change until it is submitted", () => {
    const draft = aCase({ status: 'draft', assigneeId: 'agent-ala' });

    const { case: next } = updateFields(draft, ctx(agent('agent-ala')), { description: 'More detail' });

    expect(next.description).toBe('More detail');
  });

  it('merges contacts field by field', () => {
    const { case: next } = updateFields(working, ctx(agent('agent-ala')), { contacts: { requester: { email: 'ola@example.com' } } });

    expect(next.contacts).toEqual({ primaryContact: working.contacts.primaryContact, requester: { email: 'ola@example.com' } });
  });

  it('sets a custom status that labels the current system status', () => {
    const custom = ctx(agent('agent-ala'), { settings: settings({ customStatuses: [{ id: 'check', label: 'Checking', systemStatus: 'in_progress' }] }) });

    const { case: next } = updateFields(working, custom, { customStatusId: 'check' });

    expect(next.customStatusId).toBe('check');
  });

  it('rejects an unknown custom status with its path', () => {
    const act = () => updateFields(working, ctx(agent('agent-ala')), { customStatusId: 'nope' });

    expect(act).toThrow(ValidationError);
    expect(act).toThrow(/body.customStatusId/);
  });

  it('changes nothing and writes no entry when the values are the same', () => {
    const { entries } = updateFields(working, ctx(agent('agent-ala')), { priority: 'normal' });

    expect(entries).toEqual([]);
  });
});

describe('linkCustomer', () => {
  it('links the case and records the change', () => {
    const { case: next, entries } = linkCustomer(working, ctx(agent('agent-ala')), 'cust-1');

    expect(next.customerId).toBe('cust-1');
    expect(entries[0]).toMatchObject({ changes: [{ field: 'customerId', from: null, to: 'cust-1' }] });
  });
});

describe('TenantSettingsSchema', () => {
  it('defaults to the seeds: 3-day auto-close, only-if-unassigned assignment, new linked case after Closed', () => {
    expect(TenantSettingsSchema.parse({})).toMatchObject({
      autoClosePeriod: 'P3D', assignmentPolicy: 'unassigned_only', reopenClosed: 'new_linked_case', requireResolution: 'none',
    });
  });

  it('rejects a month-long period and duplicate custom status ids with their paths', () => {
    const result = TenantSettingsSchema.safeParse({
      feedbackWindow: 'P1M',
      customStatuses: [{ id: 'a', label: 'A', systemStatus: 'new' }, { id: 'a', label: 'B', systemStatus: 'new' }],
    });

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['customStatuses.1.id', 'feedbackWindow']);
  });
});
