-- Issue 14: the route of a structured prescription, and a pharmacist's query or rejection of it.
ALTER TABLE pharmacy.prescriptions
  ADD COLUMN route text,
  ADD COLUMN review_action text CHECK (review_action IN ('QUERY', 'REJECT')),
  ADD COLUMN review_reason text,
  ADD COLUMN reviewed_by uuid,
  ADD COLUMN reviewed_at timestamptz(3),
  -- A review is all four fields or none.
  ADD CONSTRAINT prescriptions_review_complete CHECK (
    (review_action IS NULL) = (review_reason IS NULL)
    AND (review_action IS NULL) = (reviewed_by IS NULL)
    AND (review_action IS NULL) = (reviewed_at IS NULL)
  );
