"""The message bus: router, outbox, workers, retries and shared rate limits.

Data flow: :mod:`hub.core.bus.router` turns an approved item into delivery rows
(the outbox) in the approving transaction; :mod:`hub.core.bus.worker` claims due
rows in batches (:mod:`hub.core.bus.outbox`), spends the platform's budget
(:mod:`hub.core.bus.ratelimit`), hands each message to a sink (:mod:`hub.core.ports`)
and records the outcome, retrying as :mod:`hub.core.bus.retry` decides.
"""
