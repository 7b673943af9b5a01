"""The passes of actor resolution, one module per stage; their order is ``PASSES`` in
:mod:`kamer_nlp.actors.resolution`, what they share is :mod:`.context`."""
