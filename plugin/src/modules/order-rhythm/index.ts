import { Module } from "@medusajs/framework/utils"
import OrderRhythmModuleService from "./service"
import validateOptionsLoader from "./loaders/validate-options"

export const ORDER_RHYTHM_MODULE = "orderRhythm"

export default Module(ORDER_RHYTHM_MODULE, {
  service: OrderRhythmModuleService,
  loaders: [validateOptionsLoader],
})

export { OrderRhythmModuleService }
