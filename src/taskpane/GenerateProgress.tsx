import { Button, Field, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { WriteProgress } from "./paneState";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  cancel: { alignSelf: "flex-start" },
});

export interface GenerateProgressProps {
  /** Latest progress from the writer; null before the first report (the bar is then indeterminate). */
  progress: WriteProgress | null;
  /** Stage shown before the writer reports any (e.g. while the layouts are built). */
  fallbackStage: string;
  onCancel: () => void;
}

/** Progress of a generation, with the stage in words and a Cancel button. */
export function GenerateProgress({
  progress,
  fallbackStage,
  onCancel,
}: GenerateProgressProps): React.JSX.Element {
  const styles = useStyles();
  const value = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  return (
    <div className={styles.root}>
      <Field
        label="Generating reports"
        validationMessage={progress?.stage ?? fallbackStage}
        validationState="none"
      >
        <ProgressBar value={value} max={1} thickness="large" />
      </Field>
      <Button className={styles.cancel} onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
