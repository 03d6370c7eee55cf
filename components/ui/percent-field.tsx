import type { ReactNode } from "react";
import { Field, TextInput } from "./form-controls";

/** A rate (0–1) entered in percent; the form reads `name` and divides by 100. */
export function PercentField({ id, name, label, hint, rate, error }: { id: string; name: string; label: string; hint?: ReactNode; rate: number; error?: string }) {
  return (
    <Field id={id} label={label} error={error ? "must be between 0% and 100%" : undefined} hint={hint}>
      <TextInput
        id={id}
        name={name}
        type="number"
        inputMode="decimal"
        min={0}
        max={100}
        step="any"
        required
        defaultValue={Math.round(rate * 1000) / 10}
        invalid={!!error}
      />
    </Field>
  );
}
