"""The message bus: router, outbox, workers, retries and shared rate limits.

Data flow: :mod:`hub.bus.router` turns an approved item into delivery rows
(the outbox) in the approving transaction; :mod:`hub.bus.worker` claims due
rows in batches (:mod:`hub.bus.outbox`), spends the platform's budget
(:mod:`hub.bus.ratelimit`), hands each message to a sink (:mod:`hub.sinks`)
and records the outcome, retrying as :mod:`hub.bus.retry` decides.
"""
