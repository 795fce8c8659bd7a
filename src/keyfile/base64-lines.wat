;; Base64 of whole 96-byte lines into 128 characters + "\n" each, with WebAssembly SIMD (the SSSE3 method of
;; Muła and Lemire: bytes spread into 16-bit lanes, the four 6-bit indices cut out with shifts and masks, the ASCII
;; offset picked by a 16-entry table lookup). Built by scripts/build-wasm.mjs into base64-lines.wasm.ts.
;;
;; encodeLines(src, dst, lines) → end of output: reads lines × 96 bytes at src (plus 4 bytes past the end, which
;; must be readable), writes lines × 129 bytes at dst.
(module
  (memory (export "memory") 1)
  (func (export "encodeLines") (param $src i32) (param $dst i32) (param $lines i32) (result i32)
    (local $k i32) (local $in v128) (local $idx v128) (local $r v128)
    (block $done
      (loop $line
        (br_if $done (i32.eqz (local.get $lines)))
        (local.set $k (i32.const 8))
        (loop $group
          ;; 12 input bytes s0…s11 → per 4 output characters the 32-bit lane [s1 s0 s2 s1]: two big-endian 16-bit
          ;; values (s0 s1) and (s1 s2).
          (local.set $in
            (i8x16.swizzle (v128.load (local.get $src))
              (v128.const i8x16 1 0 2 1 4 3 5 4 7 6 8 7 10 9 11 10)))
          ;; idx0 = v >> 10, idx1 = (v >> 4) & 63 from the first value; idx2 = (w >> 6) & 63, idx3 = w & 63 from the second.
          (local.set $idx
            (v128.or
              (v128.or
                (v128.and (i16x8.shr_u (local.get $in) (i32.const 10)) (v128.const i32x4 0x0000003f 0x0000003f 0x0000003f 0x0000003f))
                (v128.and (i16x8.shl (local.get $in) (i32.const 4)) (v128.const i32x4 0x00003f00 0x00003f00 0x00003f00 0x00003f00)))
              (v128.or
                (v128.and (i16x8.shr_u (local.get $in) (i32.const 6)) (v128.const i32x4 0x003f0000 0x003f0000 0x003f0000 0x003f0000))
                (v128.and (i16x8.shl (local.get $in) (i32.const 8)) (v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000)))))
          ;; Table row: 0 for 26…51, 1…12 for 52…63, 13 for 0…25; the row's offset added to the index is the character.
          (local.set $r (i8x16.sub_sat_u (local.get $idx) (v128.const i8x16 51 51 51 51 51 51 51 51 51 51 51 51 51 51 51 51)))
          (local.set $r
            (v128.or (local.get $r)
              (v128.and (i8x16.lt_u (local.get $idx) (v128.const i8x16 26 26 26 26 26 26 26 26 26 26 26 26 26 26 26 26))
                (v128.const i8x16 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13))))
          (v128.store (local.get $dst)
            (i8x16.add (local.get $idx)
              (i8x16.swizzle (v128.const i8x16 71 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -19 -16 65 0 0) (local.get $r))))
          (local.set $src (i32.add (local.get $src) (i32.const 12)))
          (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
          (br_if $group (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
        (i32.store8 (local.get $dst) (i32.const 10))
        (local.set $dst (i32.add (local.get $dst) (i32.const 1)))
        (local.set $lines (i32.sub (local.get $lines) (i32.const 1)))
        (br $line)))
    (local.get $dst)))
