"""Getting paid: rate tables and late charges by French law, the dunning ladder and the day's
actions, holds, disputes, promises and payment plans, and the alerts shown at start-up."""
