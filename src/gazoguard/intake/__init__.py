"""The business intake gateway: policy, automatic judgement, cases, retention, deletion requests."""
