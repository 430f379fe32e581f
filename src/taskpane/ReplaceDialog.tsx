import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

export interface ReplaceDialogProps {
  /** Existing sheets the reports would replace; null when nothing is being asked. */
  existing: readonly string[] | null;
  /** true = replace them; false = keep them and write the new reports under free names. */
  onAnswer: (replace: boolean) => void;
}

/** Asks before replacing existing report sheets. An alert dialog: the user must choose; any other close keeps both. */
export function ReplaceDialog({ existing, onAnswer }: ReplaceDialogProps): React.JSX.Element {
  const styles = useStyles();
  const count = existing?.length ?? 0;
  return (
    <Dialog
      open={existing !== null}
      modalType="alert"
      onOpenChange={(_event, data) => {
        if (!data.open) onAnswer(false);
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            Replace {count} existing {count === 1 ? "sheet" : "sheets"}?
          </DialogTitle>
          <DialogContent>
            <Body1>
              The workbook already has {count === 1 ? "a sheet" : "sheets"} with these names. Replace deletes{" "}
              {count === 1 ? "it" : "them"}; Keep both writes the new reports under new names.
            </Body1>
            <ul className={styles.list}>
              {(existing ?? []).map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            {/* The safe answer comes first and takes the focus, so a reflexive Enter deletes nothing. */}
            <Button appearance="primary" onClick={() => onAnswer(false)}>
              Keep both
            </Button>
            <Button onClick={() => onAnswer(true)}>Replace</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
