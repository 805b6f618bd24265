"""Archive scans: find what a business should never have kept, on one machine or a Ray cluster (docs/scan.md)."""
