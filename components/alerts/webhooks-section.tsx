import { ApiActionButton } from "@/components/settings/api-action-button";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format-date";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { describeWebhookEvent } from "@/lib/alerts/render-webhook-body";
import type { WebhookDeliveryResource, WebhookResource } from "@/lib/alerts/webhook-resource";
import { CreateWebhookForm } from "./create-webhook-form";
import { RefreshWhilePending } from "./refresh-while-pending";

type Props = { projectId: string; hooks: WebhookResource[]; deliveries: WebhookDeliveryResource[]; canManage: boolean };

const STATUS_TONE = { pending: "blue", delivered: "green", failed: "red" } as const;

/** The project's webhooks, the form to add one (engineers, admins) and the delivery log. */
export function WebhooksSection({ projectId, hooks, deliveries, canManage }: Props) {
  const urlOf = new Map(hooks.map((h) => [h.id, h.url]));
  return (
    <div className="space-y-6">
      {hooks.length === 0 ? (
        <p className="text-sm text-slate-600">No webhook yet.</p>
      ) : (
        <Table aria-label="Webhooks">
          <TableHead>
            <TableRow>
              <TableHeaderCell>URL</TableHeaderCell>
              <TableHeaderCell>Body</TableHeaderCell>
              <TableHeaderCell>Events</TableHeaderCell>
              {canManage ? <TableHeaderCell className="text-right">Actions</TableHeaderCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {hooks.map((hook) => (
              <TableRow key={hook.id}>
                <TableCell className="min-w-56 max-w-80 break-all font-mono text-xs">{hook.url}</TableCell>
                <TableCell>{hook.format === "slack" ? "Slack" : "JSON"}</TableCell>
                <TableCell className="min-w-48 text-xs text-slate-700">{hook.events.join(", ")}</TableCell>
                {canManage ? (
                  <TableCell className="text-right">
                    <span className="inline-flex justify-end gap-2 whitespace-nowrap">
                      <ApiActionButton action={{ name: "sendTestWebhook", args: [projectId, hook.id] }} label="Send test" tone="secondary" />
                      <ApiActionButton action={{ name: "deleteWebhook", args: [projectId, hook.id] }} label="Delete" confirm={`Delete the webhook to ${hook.url} and its delivery log?`} />
                    </span>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      {canManage ? (
        <section aria-labelledby="add-webhook-heading" className="space-y-3">
          <h3 id="add-webhook-heading" className="text-sm font-semibold text-slate-900">
            Add a webhook
          </h3>
          <CreateWebhookForm projectId={projectId} />
        </section>
      ) : null}

      <section aria-labelledby="deliveries-heading" className="space-y-2">
        <h3 id="deliveries-heading" className="text-sm font-semibold text-slate-900">
          Delivery log
        </h3>
        <RefreshWhilePending pending={deliveries.some((d) => d.status === "pending")} />
        {deliveries.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing sent yet.</p>
        ) : (
          <Table aria-label="Webhook deliveries" data-testid="webhook-deliveries">
            <TableHead>
              <TableRow>
                <TableHeaderCell>When</TableHeaderCell>
                <TableHeaderCell>Event</TableHeaderCell>
                <TableHeaderCell>To</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell className="text-right">Attempts</TableHeaderCell>
                <TableHeaderCell>Last error</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {deliveries.map((delivery) => (
                <TableRow key={delivery.id}>
                  <TableCell className="whitespace-nowrap">{formatDateTime(delivery.createdAt)}</TableCell>
                  <TableCell>
                    {describeWebhookEvent(delivery.event)} <code className="block text-xs text-slate-500">{delivery.event}</code>
                  </TableCell>
                  <TableCell className="max-w-48 break-all font-mono text-xs">{urlOf.get(delivery.webhookId) ?? "—"}</TableCell>
                  <TableCell>
                    <Badge tone={STATUS_TONE[delivery.status]}>{delivery.status}</Badge>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{delivery.attempts}</TableCell>
                  <TableCell className="max-w-64 break-words text-xs text-slate-700">{delivery.lastError ?? "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
