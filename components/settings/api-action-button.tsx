"use client";
import { useRouter } from "next/navigation";
import { archivePattern } from "@/lib/api-client/patterns";
import { revokeApiToken } from "@/lib/api-client/api-tokens";
import { dismissCapture } from "@/lib/api-client/captures";
import { revokeInvite, updateUser } from "@/lib/api-client/users";
import { deleteWebhook, sendTestWebhook } from "@/lib/api-client/webhooks";
import { Button, InlineError } from "@/components/ui/form-controls";
import { useApiForm } from "@/components/auth/use-api-form";

// Server components name the call and its arguments (a function cannot cross to the client).
const API_ACTIONS = {
  revokeApiToken: (tokenId: string) => revokeApiToken(tokenId),
  revokeInvite: (inviteId: string) => revokeInvite(inviteId),
  setUserDisabled: (userId: string, disabled: boolean) => updateUser(userId, { disabled }),
  archivePattern: (patternId: string) => archivePattern(patternId),
  dismissCapture: (captureId: string) => dismissCapture(captureId),
  sendTestWebhook: (projectId: string, webhookId: string) => sendTestWebhook(projectId, webhookId),
  deleteWebhook: (projectId: string, webhookId: string) => deleteWebhook(projectId, webhookId),
};

type ApiActions = typeof API_ACTIONS;
export type ApiAction = { [K in keyof ApiActions]: { name: K; args: Parameters<ApiActions[K]> } }[keyof ApiActions];

function runApiAction({ name, args }: ApiAction): Promise<unknown> {
  return (API_ACTIONS[name] as (...a: ApiAction["args"]) => Promise<unknown>)(...args);
}

/** A one-click API call (revoke, archive, dismiss) with a confirmation, refreshing the page's data after. */
export function ApiActionButton({ action, label, confirm, tone = "danger" }: { action: ApiAction; label: string; confirm?: string; tone?: "danger" | "secondary" }) {
  const form = useApiForm();
  const router = useRouter();
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        type="button"
        tone={tone}
        disabled={form.pending}
        className="px-2 py-1 text-xs"
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          void form.run(async () => {
            await runApiAction(action);
            router.refresh();
          });
        }}
      >
        {label}
      </Button>
      <InlineError message={form.error?.message} className="text-xs" />
    </span>
  );
}
