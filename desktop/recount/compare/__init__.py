"""Cross-report checking: matching, discrepancy rules, reconciliation. No Qt."""
