"""Short letters written for the tests (not taken from any real document)."""

LETTER = """Nr. 12 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 3 maart 2022

Hierbij informeer ik uw Kamer over de voortgang van het programma
Versterking Rijksdienst. In mijn brief van 7 februari jl. (Kamerstuk 35 925 VII,
nr. 88) heb ik toegezegd uw Kamer voor de zomer te informeren over de
evaluatie.1

Het RIVM heeft het onderzoek in januari afgerond. Ik zal uw Kamer uiterlijk
1 september 2022 een voortgangsrapportage sturen. Onderstaand ga ik in op de
hoofdlijnen.

De Minister van Binnenlandse Zaken en Koninkrijksrelaties,
H.G.J. Bruins Slot

1 Zie ook Kamerstuk 35 925 VII, nr. 80.
"""
