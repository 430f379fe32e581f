import { Body1, Caption1, makeStyles, Subtitle1, Title3, tokens } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
});

/** The task pane: what the add-in does. */
export function App(): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root} aria-labelledby="pane-title">
      <Title3 as="h1" id="pane-title">
        DCC SEC Reporting
      </Title3>
      <Body1>
        Monthly DCC reports for the Smart Energy Code Panel: Service Request variance (H3.24), CSR forecast
        variance (L8.9) and post commissioning (Appendix AC 5.8).
      </Body1>
      <Subtitle1 as="h2">Functions you can type in a cell</Subtitle1>
      <ul className={styles.list}>
        <li>
          <code>=DCC.SECVARIANCE(actual, forecast)</code>: Over, Under, Within or No forecast
        </li>
        <li>
          <code>=DCC.PCIFLAG(commissioned, measured, …)</code>: the post-commissioning criteria failed
        </li>
        <li>
          <code>=DCC.SECDUEDATE(&quot;2018-01&quot;)</code>: the 10th Working Day after the month
        </li>
        <li>
          <code>=DCC.SECWORKDAY(start, days)</code>: WORKDAY on the England and Wales calendar
        </li>
      </ul>
      <Caption1>Report sheets are written from your input tables by this pane.</Caption1>
    </main>
  );
}
